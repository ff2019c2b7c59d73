import './components/sso-app/sso-app.ts';
