# A SAML service provider on OneLogin's ruby-saml and Sinatra (served by WEBrick), set up as
# the ruby-saml README shows.
#
# Usage: ruby app.rb PORT HARNESS_URL [PROVIDER]
#
# The IdP settings come from the harness provider's metadata URL
# (OneLogin::RubySaml::IdpMetadataParser#parse_remote); every security setting is ruby-saml's
# default. /me shows who is logged in.

require 'json'
require 'onelogin/ruby-saml'
require 'sinatra/base'

port = Integer(ARGV.fetch(0))
harness_url = ARGV.fetch(1).chomp('/')
provider = ARGV.fetch(2, 'zoo-ruby-saml')
sp_url = "http://127.0.0.1:#{port}"

SAML_SETTINGS = OneLogin::RubySaml::IdpMetadataParser.new.parse_remote("#{harness_url}/saml/#{provider}/metadata")
SAML_SETTINGS.assertion_consumer_service_url = "#{sp_url}/acs"
SAML_SETTINGS.sp_entity_id = "#{sp_url}/metadata"
SP_URL = sp_url

# The zoo's hardened runs (examples/sp-zoo/hardening.ts) turn on ruby-saml's own settings.
HARDENED = ENV.fetch('ZOO_HARDENED', '').split(',')
SAML_SETTINGS.security[:want_assertions_signed] = true if HARDENED.include?('signature')
SAML_SETTINGS.security[:check_idp_cert_expiration] = true if HARDENED.include?('certificates')
SAML_SETTINGS.security[:want_name_id] = true if HARDENED.include?('subject')
RESPONSE_OPTIONS = {}
RESPONSE_OPTIONS[:allowed_clock_drift] = 60 if HARDENED.include?('time')
RESPONSE_OPTIONS[:check_duplicated_attributes] = true if HARDENED.include?('attributes')

class ZooSp < Sinatra::Base
  set :server, 'webrick'
  set :environment, :production
  enable :sessions

  get '/' do
    '<a href="/login">Log in</a>'
  end

  get '/metadata' do
    content_type 'application/samlmetadata+xml'
    OneLogin::RubySaml::Metadata.new.generate(SAML_SETTINGS)
  end

  get '/login' do
    request = OneLogin::RubySaml::Authrequest.new
    url = request.create(SAML_SETTINGS, RelayState: "#{SP_URL}/me")
    session[:request_id] = request.uuid if HARDENED.include?('in-response-to')
    redirect url
  end

  post '/acs' do
    options = RESPONSE_OPTIONS.merge(settings: SAML_SETTINGS)
    options[:matches_request_id] = session.delete(:request_id) if HARDENED.include?('in-response-to')
    response = OneLogin::RubySaml::Response.new(params[:SAMLResponse], **options)
    unless response.is_valid?
      halt 403, { 'content-type' => 'text/plain' }, "SAML response refused: #{response.errors.join('; ')}\n"
    end
    session[:nameid] = response.nameid
    session[:attributes] = response.attributes.all.to_h
    # Follow RelayState only to a URL of this SP (no open redirect).
    relay_state = params[:RelayState].to_s
    redirect relay_state.start_with?("#{SP_URL}/") ? relay_state : '/me'
  end

  get '/me' do
    halt 401, "not logged in\n" unless session[:nameid]
    attributes = session[:attributes] || {}
    content_type :json
    { nameId: session[:nameid], email: Array(attributes['email']).first }.to_json
  end

  get '/logout' do
    session.clear
    redirect '/'
  end
end

ZooSp.run!(bind: '127.0.0.1', port: port) do
  $stdout.puts "ruby-saml SP listening on #{sp_url}"
  $stdout.flush
end
