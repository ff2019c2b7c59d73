# An OpenID Connect relying party on OmniAuth and omniauth_openid_connect (Debian ships the
# GitLab fork, gitlab-omniauth-openid-connect), on Sinatra served by WEBrick, set up as the
# gem's README shows with discovery on.
#
# Usage: ruby app.rb PORT HARNESS_URL CLIENT_ID CLIENT_SECRET [PROVIDER]
#
# The OP is discovered from the issuer <HARNESS_URL>/oidc/<PROVIDER>; every check is the
# library's default. /me shows who is logged in.

require 'json'
require 'uri'
require 'omniauth'
require 'omniauth_openid_connect'
require 'sinatra/base'

port = Integer(ARGV.fetch(0))
harness_url = ARGV.fetch(1).chomp('/')
client_id = ARGV.fetch(2)
client_secret = ARGV.fetch(3)
provider_id = ARGV.fetch(4, 'zoo-omniauth-oidc')
issuer = "#{harness_url}/oidc/#{provider_id}"
sp_url = "http://127.0.0.1:#{port}"
harness = URI(harness_url)

# The openid_connect gem discovers over HTTPS unless told otherwise; its README shows these
# two lines for an OP on plain HTTP (development).
SWD.url_builder = URI::HTTP
WebFinger.url_builder = URI::HTTP

class ZooRp < Sinatra::Base
  set :server, 'webrick'
  set :environment, :production
  enable :sessions

  get '/' do
    '<a href="/login">Log in</a>'
  end

  # OmniAuth 2 starts a login only with a POST carrying the session's authenticity token (its
  # README's Sinatra example); this page submits that form by itself.
  get '/login' do
    token = Rack::Protection::AuthenticityToken.token(session)
    <<~HTML
      <!doctype html>
      <form method="post" action="/auth/openid_connect">
        <input type="hidden" name="authenticity_token" value="#{Rack::Utils.escape_html(token)}">
        <button type="submit">Log in with the harness</button>
      </form>
      <script>document.forms[0].submit()</script>
    HTML
  end

  get '/auth/openid_connect/callback' do
    auth = request.env['omniauth.auth']
    session[:user] = { 'sub' => auth.uid, 'email' => auth.info.email }
    redirect '/me'
  end

  get '/auth/failure' do
    halt 403, { 'content-type' => 'text/plain' }, "login refused: #{params[:message]}\n"
  end

  get '/me' do
    user = session[:user]
    halt 401, "not logged in\n" unless user
    content_type :json
    user.to_json
  end

  get '/logout' do
    session.clear
    redirect '/'
  end
end

ZooRp.use OmniAuth::Builder do
  provider :openid_connect,
           name: :openid_connect,
           issuer: issuer,
           discovery: true,
           scope: %i[openid email profile],
           response_type: :code,
           client_options: {
             scheme: harness.scheme,
             host: harness.host,
             port: harness.port,
             identifier: client_id,
             secret: client_secret,
             redirect_uri: "#{sp_url}/auth/openid_connect/callback"
           }
end

ZooRp.run!(bind: '127.0.0.1', port: port) do
  $stdout.puts "omniauth_openid_connect RP listening on #{sp_url}"
  $stdout.flush
end
