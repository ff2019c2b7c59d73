"""A SAML service provider on OneLogin's python3-saml and Flask, set up as the toolkit's
README and Flask demo show.

Usage: app.py PORT HARNESS_URL [PROVIDER]

The IdP settings come from the harness provider's metadata URL
(OneLogin_Saml2_IdPMetadataParser.parse_remote, merged into the SP settings); every security
setting is the toolkit's default (strict mode on). /me shows who is logged in.
"""

import os
import sys

from flask import Flask, abort, jsonify, redirect, request, session
from onelogin.saml2.auth import OneLogin_Saml2_Auth
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser

port = int(sys.argv[1])
harness_url = sys.argv[2].rstrip("/")
provider = sys.argv[3] if len(sys.argv) > 3 else "zoo-python3-saml"
sp_url = f"http://127.0.0.1:{port}"

idp_data = OneLogin_Saml2_IdPMetadataParser.parse_remote(f"{harness_url}/saml/{provider}/metadata")
# The zoo's hardened runs (examples/sp-zoo/hardening.ts) turn on the toolkit's own settings.
hardened = set(filter(None, os.environ.get("ZOO_HARDENED", "").split(",")))
security = {}
if "signature" in hardened:
    security["wantAssertionsSigned"] = True
if "authn-context" in hardened:
    security["failOnAuthnContextMismatch"] = True
saml_settings = OneLogin_Saml2_IdPMetadataParser.merge_settings(
    {
        "strict": True,
        **({"security": security} if security else {}),
        "sp": {
            "entityId": f"{sp_url}/metadata",
            "assertionConsumerService": {
                "url": f"{sp_url}/acs",
                "binding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST",
            },
        },
    },
    idp_data,
)

app = Flask(__name__)
app.secret_key = os.urandom(32)


def prepare_flask_request():
    return {
        "https": "on" if request.scheme == "https" else "off",
        "http_host": request.host,
        "script_name": request.path,
        "get_data": request.args.copy(),
        "post_data": request.form.copy(),
    }


def init_saml_auth():
    return OneLogin_Saml2_Auth(prepare_flask_request(), saml_settings)


@app.get("/")
def home():
    return '<a href="/login">Log in</a>'


@app.get("/metadata")
def metadata():
    settings = init_saml_auth().get_settings()
    return settings.get_sp_metadata(), 200, {"content-type": "application/samlmetadata+xml"}


@app.get("/login")
def login():
    auth = init_saml_auth()
    url = auth.login(return_to=f"{sp_url}/me")
    if "in-response-to" in hardened:
        session["AuthNRequestID"] = auth.get_last_request_id()
    return redirect(url)


@app.post("/acs")
def acs():
    auth = init_saml_auth()
    if "in-response-to" in hardened:
        auth.process_response(request_id=session.pop("AuthNRequestID", None))
    else:
        auth.process_response()
    errors = auth.get_errors()
    if errors or not auth.is_authenticated():
        reason = auth.get_last_error_reason() or "not authenticated"
        return f"SAML response refused: {', '.join(errors)}: {reason}\n", 403, {"content-type": "text/plain"}
    session["samlUserdata"] = auth.get_attributes()
    session["samlNameId"] = auth.get_nameid()
    session["samlSessionIndex"] = auth.get_session_index()
    # The demo's advice: follow RelayState only to a URL of this SP (no open redirect).
    relay_state = request.form.get("RelayState", "")
    return redirect(relay_state if relay_state.startswith(f"{sp_url}/") else "/me")


@app.get("/me")
def me():
    if "samlNameId" not in session:
        abort(401)
    attributes = session.get("samlUserdata", {})
    email = attributes.get("email", [None])[0]
    return jsonify(nameId=session["samlNameId"], email=email)


@app.get("/logout")
def logout():
    session.clear()
    return redirect("/")


if __name__ == "__main__":
    print(f"python3-saml SP listening on {sp_url}", flush=True)
    app.run(host="127.0.0.1", port=port)
