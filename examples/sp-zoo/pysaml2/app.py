"""A SAML service provider on pysaml2 and Flask, set up as pysaml2's configuration guide shows.

Usage: app.py PORT HARNESS_URL [PROVIDER]

The IdP comes from the harness provider's metadata URL (pysaml2's `metadata: {remote: ...}`);
every security setting is pysaml2's default. /me shows who is logged in.
"""

import os
import sys

from flask import Flask, abort, jsonify, redirect, request, session
from saml2 import BINDING_HTTP_POST
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.metadata import entity_descriptor

port = int(sys.argv[1])
harness_url = sys.argv[2].rstrip("/")
provider = sys.argv[3] if len(sys.argv) > 3 else "zoo-pysaml2"
sp_url = f"http://127.0.0.1:{port}"

# The zoo's hardened runs (examples/sp-zoo/hardening.ts) turn on pysaml2's own settings.
hardened = set(filter(None, os.environ.get("ZOO_HARDENED", "").split(",")))
hardening = {}
if "signature" in hardened:
    hardening["want_assertions_signed"] = True
if "saml.signature.assertion-only" in hardened:
    hardening["want_response_signed"] = False
    hardening["want_assertions_signed"] = True

config = SPConfig()
config.load(
    {
        "entityid": f"{sp_url}/metadata",
        **({"accepted_time_diff": 60} if "time" in hardened else {}),
        "service": {
            "sp": {
                **hardening,
                "endpoints": {
                    "assertion_consumer_service": [(f"{sp_url}/acs", BINDING_HTTP_POST)],
                },
            },
        },
        "metadata": {"remote": [{"url": f"{harness_url}/saml/{provider}/metadata"}]},
    }
)
client = Saml2Client(config=config)

app = Flask(__name__)
app.secret_key = os.urandom(32)


@app.get("/")
def home():
    return '<a href="/login">Log in</a>'


@app.get("/metadata")
def metadata():
    return entity_descriptor(config).to_string(), 200, {"content-type": "application/samlmetadata+xml"}


@app.get("/login")
def login():
    # pysaml2 matches InResponseTo against the "outstanding queries": request ID -> where to go after.
    request_id, info = client.prepare_for_authenticate()
    session["outstanding"] = {**session.get("outstanding", {}), request_id: "/me"}
    return redirect(dict(info["headers"])["Location"])


@app.post("/acs")
def acs():
    outstanding = session.get("outstanding", {})
    try:
        response = client.parse_authn_request_response(
            request.form["SAMLResponse"], BINDING_HTTP_POST, outstanding=outstanding
        )
    except Exception as error:  # pysaml2 raises a different class for each refusal
        return f"SAML response refused: {type(error).__name__}: {error}\n", 403, {"content-type": "text/plain"}
    if response is None:
        return "SAML response refused\n", 403, {"content-type": "text/plain"}
    came_from = outstanding.pop(response.in_response_to, "/me")
    session["outstanding"] = outstanding
    session["user"] = {"nameId": response.name_id.text, "attributes": response.ava}
    return redirect(came_from)


@app.get("/me")
def me():
    user = session.get("user")
    if not user:
        abort(401)
    email = user["attributes"].get("email", [None])[0]
    return jsonify(nameId=user["nameId"], email=email)


@app.get("/logout")
def logout():
    session.clear()
    return redirect("/")


if __name__ == "__main__":
    print(f"pysaml2 SP listening on {sp_url}", flush=True)
    app.run(host="127.0.0.1", port=port)
