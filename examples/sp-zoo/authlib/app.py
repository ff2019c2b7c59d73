"""An OpenID Connect relying party on Authlib's Flask client, set up as Authlib's
"Flask OAuth Client" docs show for OpenID Connect.

Usage: app.py PORT HARNESS_URL CLIENT_ID CLIENT_SECRET [PROVIDER]

The OP is discovered from `<HARNESS_URL>/oidc/<PROVIDER>/.well-known/openid-configuration`
(server_metadata_url); every check is Authlib's default. /me shows who is logged in.
"""

import os
import sys

from authlib.integrations.flask_client import OAuth
from flask import Flask, abort, jsonify, redirect, session, url_for

port = int(sys.argv[1])
harness_url = sys.argv[2].rstrip("/")
client_id = sys.argv[3]
client_secret = sys.argv[4]
provider = sys.argv[5] if len(sys.argv) > 5 else "zoo-authlib"
issuer = f"{harness_url}/oidc/{provider}"
sp_url = f"http://127.0.0.1:{port}"

app = Flask(__name__)
app.secret_key = os.urandom(32)

oauth = OAuth(app)
oauth.register(
    name="harness",
    client_id=client_id,
    client_secret=client_secret,
    server_metadata_url=f"{issuer}/.well-known/openid-configuration",
    client_kwargs={"scope": "openid email profile"},
)


@app.get("/")
def home():
    return '<a href="/login">Log in</a>'


@app.get("/login")
def login():
    return oauth.harness.authorize_redirect(url_for("authorize", _external=True))


@app.get("/authorize")
def authorize():
    try:
        token = oauth.harness.authorize_access_token()
    except Exception as error:  # Authlib raises OAuthError or a JoseError, one class per refusal
        return f"login refused: {type(error).__name__}: {error}\n", 403, {"content-type": "text/plain"}
    session["user"] = dict(token["userinfo"])
    return redirect("/me")


@app.get("/me")
def me():
    user = session.get("user")
    if not user:
        abort(401)
    return jsonify(sub=user.get("sub"), email=user.get("email"))


@app.get("/logout")
def logout():
    session.pop("user", None)
    return redirect("/")


if __name__ == "__main__":
    print(f"Authlib RP listening on {sp_url}", flush=True)
    app.run(host="127.0.0.1", port=port)
