import { DomainError } from '@brigade/domain';

/** Stable codes: clients and other contexts match on these, never on messages. */
export const UserErrorCodes = {
  AlreadyExists: 'IDENTITY.USER.ALREADY_EXISTS',
  EmailTaken: 'IDENTITY.USER.EMAIL_TAKEN',
  InvalidEmail: 'IDENTITY.USER.INVALID_EMAIL',
  InvalidName: 'IDENTITY.USER.INVALID_NAME',
  InvalidPassword: 'IDENTITY.USER.INVALID_PASSWORD',
  InvalidRole: 'IDENTITY.USER.INVALID_ROLE',
  InvalidBinding: 'IDENTITY.USER.INVALID_BINDING',
} as const;

export class UserAlreadyExistsError extends DomainError {
  constructor(userId: string) {
    super(UserErrorCodes.AlreadyExists, 'conflict', `User ${userId} already exists`, { userId });
  }
}

/** Another user logs in with this email. The email is not echoed: the caller sent it. */
export class EmailTakenError extends DomainError {
  constructor() {
    super(UserErrorCodes.EmailTaken, 'conflict', 'A user with this email already exists');
  }
}

/** A user's email, name, password, role or binding breaks a rule; `field` is the path of the offending value. */
export class InvalidUserError extends DomainError {
  constructor(code: string, field: string, message: string) {
    super(code, 'validation', message, { field });
  }
}
