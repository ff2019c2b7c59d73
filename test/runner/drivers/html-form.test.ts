import { describe, expect, it } from 'vitest';
import { findAutoPostForm } from '../../../runner/drivers/html-form.ts';

describe('findAutoPostForm', () => {
  it('finds a SAML HTTP-POST binding form and decodes its values', () => {
    const page = `<html><body onload="document.forms[0].submit()"><form method="post" action="https://sp.test/acs">
      <input type="hidden" name="SAMLResponse" value="PHNhbWw+&amp;&#43;">
      <input type='hidden' name='RelayState' value='/after?x=1&amp;y=2'>
      <noscript><button type="submit">Continue</button></noscript></form></body></html>`;
    expect(findAutoPostForm(page, 'http://idp.test/sso')).toEqual({
      action: 'https://sp.test/acs',
      method: 'POST',
      fields: { SAMLResponse: 'PHNhbWw+&+', RelayState: '/after?x=1&y=2' },
    });
  });

  it('does not submit a form that asks for input', () => {
    const login = `<form method="post" action="/login"><input type="hidden" name="uid" value="1"><input type="email" name="email"></form>`;
    expect(findAutoPostForm(login, 'http://sp.test/')).toBeUndefined();
  });

  it('resolves a relative action against the page', () => {
    const page = `<form method="POST" action="/cb"><input type="hidden" name="code" value="abc"></form>`;
    expect(findAutoPostForm(page, 'http://rp.test/start')?.action).toBe('http://rp.test/cb');
  });
});
