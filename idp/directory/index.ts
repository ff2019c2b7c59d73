export type { LoginRefusal } from './directory.ts';
export { Directory } from './directory.ts';
export { stableDigits, stableToken, stableUuid } from './stable-id.ts';
export type { DirectoryUser } from './user.ts';
export { unknownUser, userFromConfig } from './user.ts';
