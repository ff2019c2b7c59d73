import type { PersonaName } from '../config/schema.ts';
import { type ConsoleTopic, consoleSetting } from './console-settings.ts';
import type { Check, CheckStatus } from './types.ts';

/** The optional parts of a check, as the check functions give them. */
export interface CheckDetail {
  where?: string | undefined;
  expected?: string | undefined;
  actual?: string | undefined;
  spec?: string | undefined;
  /** Who fixes it and how; `topic` names the persona's console setting for IdP-side fixes. */
  fix?: { side: 'idp' | 'sp'; text: string; topic?: ConsoleTopic | undefined } | undefined;
}

/**
 * The checks made on one message, in the order they were made. A fix on the IdP side
 * names the setting of the IdP's admin console when the issuer matches a persona.
 */
export class Findings {
  readonly checks: Check[] = [];
  readonly message: number | undefined;
  persona: PersonaName | undefined;

  constructor(message: number | undefined, persona?: PersonaName) {
    this.message = message;
    this.persona = persona;
  }

  ok(id: string, text: string, detail: CheckDetail = {}): void {
    this.add('ok', id, text, { ...detail, fix: undefined });
  }

  problem(id: string, text: string, detail: CheckDetail = {}): void {
    this.add('problem', id, text, detail);
  }

  warning(id: string, text: string, detail: CheckDetail = {}): void {
    this.add('warning', id, text, detail);
  }

  /** Adds checks made elsewhere (decoding problems), attached to this message. */
  addAll(checks: readonly Check[]): void {
    for (const check of checks) this.checks.push({ ...check, message: check.message ?? this.message });
  }

  private add(status: CheckStatus, id: string, text: string, detail: CheckDetail): void {
    const fix = detail.fix;
    const setting = fix?.side === 'idp' && fix.topic ? consoleSetting(this.persona, fix.topic) : undefined;
    this.checks.push({
      id,
      status,
      message: this.message,
      where: detail.where,
      text,
      expected: detail.expected,
      actual: detail.actual,
      spec: detail.spec,
      fix: fix ? { side: fix.side, text: fix.text, setting } : undefined,
    });
  }
}
