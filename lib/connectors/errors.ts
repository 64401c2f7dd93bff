/**
 * One error shape everywhere: an HTTP status (0 when no answer came), whether trying again can help,
 * and a message fit for the user. Messages are built from the tool's label and the status only, so a
 * token, a password or a customer's address can never end up in one.
 */
export interface ErrorShape {
  status: number;
  retryable: boolean;
  userMessage: string;
}

export class ConnectorError extends Error implements ErrorShape {
  readonly status: number;
  readonly retryable: boolean;
  readonly userMessage: string;
  /** From a 429's Retry-After, in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(shape: ErrorShape & { retryAfterMs?: number }) {
    super(shape.userMessage);
    this.name = 'ConnectorError';
    this.status = shape.status;
    this.retryable = shape.retryable;
    this.userMessage = shape.userMessage;
    this.retryAfterMs = shape.retryAfterMs;
  }

  toShape(): ErrorShape {
    return { status: this.status, retryable: this.retryable, userMessage: this.userMessage };
  }
}

export function errorForStatus(label: string, status: number, retryAfterMs?: number): ConnectorError {
  if (status === 401)
    return new ConnectorError({
      status,
      retryable: false,
      userMessage: `${label}: sign-in expired or was refused. Reconnect ${label}.`,
    });
  if (status === 403)
    return new ConnectorError({
      status,
      retryable: false,
      userMessage: `${label}: this account may not do that. Ask an admin for the permission.`,
    });
  if (status === 404) return new ConnectorError({ status, retryable: false, userMessage: `${label}: not found.` });
  if (status === 429)
    return new ConnectorError({
      status,
      retryable: true,
      retryAfterMs,
      userMessage: `${label} asked us to slow down; we will try again.`,
    });
  if (status === 0)
    return new ConnectorError({
      status,
      retryable: true,
      userMessage: `${label} did not answer in time; we will try again.`,
    });
  if (status >= 500)
    return new ConnectorError({
      status,
      retryable: true,
      userMessage: `${label} had a server error (${status}); we will try again.`,
    });
  return new ConnectorError({ status, retryable: false, userMessage: `${label} refused the request (${status}).` });
}

export function malformedResponse(label: string): ConnectorError {
  return new ConnectorError({
    status: 502,
    retryable: true,
    userMessage: `${label} sent an answer we could not read; we will try again.`,
  });
}

/** Any thrown value as the one error shape (unknown errors are not retryable and say nothing more). */
export function toErrorShape(error: unknown): ErrorShape {
  if (error instanceof ConnectorError) return error.toShape();
  return { status: 0, retryable: false, userMessage: 'Something went wrong; the step can be retried.' };
}
