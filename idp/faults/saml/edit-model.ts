import type {
  AssertionModel,
  AttributeModel,
  RawAttributes,
  ResponseModel,
} from '../../saml/response/stages.ts';

/**
 * Small pure helpers for model-stage faults: each returns a new model and leaves the
 * one it was given as it was.
 */

/** The model with every assertion replaced by what `edit` returns for it. */
export function mapAssertions(
  model: ResponseModel,
  edit: (assertion: AssertionModel) => AssertionModel,
): ResponseModel {
  return { ...model, assertions: model.assertions.map(edit) };
}

/** The IdP's clock when it built the model: its IssueInstant. Time faults are relative to it. */
export function idpNow(model: ResponseModel): number {
  return Date.parse(model.issueInstant);
}

/** xs:dateTime in UTC, as the model writes instants. */
export function instantAt(ms: number): string {
  return new Date(ms).toISOString();
}

/** An instant moved by some seconds (undefined stays undefined). */
export function shifted<T extends string | undefined>(value: T, seconds: number): T {
  if (value === undefined) return value;
  return instantAt(Date.parse(value) + seconds * 1000) as T;
}

/** Attribute names that carry the user's email in the personas this harness plays. */
export const emailAttributeNames: readonly string[] = [
  'email',
  'mail',
  'emailaddress',
  'urn:oid:0.9.2342.19200300.100.1.3',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
];

export function isEmailAttribute(name: string): boolean {
  return emailAttributeNames.includes(name);
}

/** The names of an assertion's attributes, for error messages that say what is there. */
export function attributeNames(attributes: readonly AttributeModel[]): string {
  return attributes.map((a) => a.name).join(', ') || '(none)';
}

/** Fails a fault whose model has no assertion to change (an error status without one). */
export function requireAssertions(model: ResponseModel, fault: string): void {
  if (model.assertions.length === 0) {
    throw new Error(`${fault} changes the assertion, but this response carries none`);
  }
}

/** Which element a fault changes: the Response, its assertions, or both. */
export type Where = 'both' | 'response' | 'assertion';

/**
 * The model with the Response's part and/or each assertion's part edited, as `where`
 * says: `response` and `assertion` get the element they change and return its new form.
 */
export function editWhere(
  model: ResponseModel,
  where: Where,
  edit: {
    response: (model: ResponseModel) => ResponseModel;
    assertion: (assertion: AssertionModel) => AssertionModel;
  },
): ResponseModel {
  const response = where === 'assertion' ? model : edit.response(model);
  return where === 'response' ? response : mapAssertions(response, edit.assertion);
}

/** Raw XML attributes over an element's own, merged with the ones an earlier fault set. */
export function withRawAttributes<T extends { rawAttributes?: RawAttributes | undefined }>(
  element: T,
  raw: RawAttributes,
): T {
  return { ...element, rawAttributes: { ...element.rawAttributes, ...raw } };
}
