import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A parsed request, as the service handlers see it. */
export interface EmulatorRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

/** What a handler answers; the server writes it. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(status: number, value: unknown): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify(value),
  };
}

export function emptyReply(status: number): Reply {
  return { status, headers: { 'x-amzn-requestid': randomUUID() }, body: '' };
}

export function htmlReply(status: number, html: string): Reply {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // form-action must allow the loopback redirect that follows an approval.
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:*",
    },
    body: html,
  };
}

export function redirectReply(location: string): Reply {
  return { status: 302, headers: { location }, body: '' };
}

export function textReply(status: number, text: string): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}

/**
 * A modelled AWS error. It is put on the wire the way the real services do it, so that both SDKs
 * identify it by name: the `x-amzn-ErrorType` header (`Name:namespace-uri`, read first by the JS SDK
 * and by botocore) and `__type` in the body (`namespace#Name`, read when the header is absent).
 */
export interface AwsErrorShape {
  name: string;
  status: number;
  namespace: string;
}

export const oidcNamespace = 'com.amazonaws.sso.oidc';
export const portalNamespace = 'com.amazonaws.switchboard.portal';

export function awsErrorReply(shape: AwsErrorShape, body: Record<string, unknown>): Reply {
  const reply = jsonReply(shape.status, { ...body, __type: `${shape.namespace}#${shape.name}` });
  reply.headers['x-amzn-errortype'] = `${shape.name}:http://internal.amazon.com/coral/${shape.namespace}/`;
  return reply;
}

/** Thrown by a handler to answer with a modelled error. */
export class ServiceFault extends Error {
  constructor(readonly reply: Reply) {
    super(`service fault ${reply.status}`);
  }
}

/** Parses a JSON object body; a non-object or broken body is the caller's `InvalidRequestException`. */
export function parseJsonObject(body: string): Record<string, unknown> | undefined {
  if (body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Reads an optional string member: present and a string, absent, or wrong (undefined vs null). */
export function stringMember(body: Record<string, unknown>, key: string): string | undefined | null {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : null;
}

export function stringListMember(body: Record<string, unknown>, key: string): string[] | undefined | null {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
