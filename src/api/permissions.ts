import { PERMISSIONS_TAB_OR_DOCUMENT_REQUIRED, PERMISSIONS_USER_GESTURE_REQUIRED, permissionsNoDocument, tabNotFound } from '../core/errors.ts';
import {
  PermissionsError,
  activePermissions,
  containsPermissions,
  removePermissions,
  type PermissionSet,
  type PermissionsRequest,
} from '../platform/permissions.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ChromeEvent } from './event.ts';
import type { ContextMessaging } from './messaging.ts';
import { APISignature, type ParamSpec, type TypeSpec } from './signature.ts';

/**
 * chrome.permissions (permissions.json) in privileged contexts: the arguments are parsed here;
 * the permissions live in the browser (src/platform/permissions.ts).
 */
export interface Permissions {
  readonly onAdded: ChromeEvent<(permissions: PermissionSet) => void>;
  readonly onRemoved: ChromeEvent<(permissions: PermissionSet) => void>;
  addHostAccessRequest(...args: unknown[]): Promise<void> | undefined;
  contains(...args: unknown[]): Promise<boolean> | undefined;
  getAll(...args: unknown[]): Promise<PermissionSet> | undefined;
  remove(...args: unknown[]): Promise<boolean> | undefined;
  removeHostAccessRequest(...args: unknown[]): Promise<void> | undefined;
  request(...args: unknown[]): Promise<boolean> | undefined;
}

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };
const strings: TypeSpec = { type: 'array', optional: true, items: { type: 'string' } };
const PERMISSIONS: ParamSpec = { name: 'permissions', type: 'object', ref: 'permissions.Permissions', properties: { origins: strings, permissions: strings } };
const HOST_ACCESS_REQUEST: ParamSpec = {
  name: 'request',
  type: 'object',
  ref: 'permissions.AddHostAccessRequest',
  properties: { documentId: { type: 'string', optional: true }, pattern: { type: 'string', optional: true }, tabId: { type: 'integer', optional: true } },
};

const CONTAINS = new APISignature('permissions.contains', [PERMISSIONS, CALLBACK]);
const GET_ALL = new APISignature('permissions.getAll', [CALLBACK]);
const REQUEST = new APISignature('permissions.request', [PERMISSIONS, CALLBACK]);
const REMOVE = new APISignature('permissions.remove', [PERMISSIONS, CALLBACK]);
const ADD_HOST_ACCESS_REQUEST = new APISignature('permissions.addHostAccessRequest', [HOST_ACCESS_REQUEST, CALLBACK]);
const REMOVE_HOST_ACCESS_REQUEST = new APISignature('permissions.removeHostAccessRequest', [
  { ...HOST_ACCESS_REQUEST, ref: 'permissions.RemoveHostAccessRequest' },
  CALLBACK,
]);

interface HostAccessRequest {
  readonly documentId?: string;
  readonly tabId?: number;
  readonly pattern?: string;
}

export function createPermissions(messaging: ContextMessaging): Permissions {
  const { context } = messaging;
  const extension = context.extension!;
  const browser = context.browser;
  const failing = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw error instanceof PermissionsError ? new ApiError(error.message) : error;
    }
  };
  /** The host access request's target must exist; the request itself is not modelled (nothing shows it). */
  const hostAccessRequest = (request: unknown): void => {
    const { documentId, tabId } = request as HostAccessRequest;
    if (documentId === undefined && tabId === undefined) throw new ApiError(PERMISSIONS_TAB_OR_DOCUMENT_REQUIRED);
    if (tabId !== undefined && !browser.getTab(tabId)) throw new ApiError(tabNotFound(tabId));
    if (documentId !== undefined && ![...browser.tabs.values()].some((tab) => [...tab.mainFrame.document.subtree()].some((d) => d.documentId === documentId))) {
      throw new ApiError(permissionsNoDocument(documentId));
    }
  };
  return {
    onRemoved: messaging.event('permissions.onRemoved'),
    onAdded: messaging.event('permissions.onAdded'),
    addHostAccessRequest: apiFunction(messaging, ADD_HOST_ACCESS_REQUEST, hostAccessRequest) as Permissions['addHostAccessRequest'],
    contains: apiFunction(messaging, CONTAINS, (request) => failing(() => containsPermissions(extension, request as PermissionsRequest))) as Permissions['contains'],
    getAll: apiFunction(messaging, GET_ALL, () => activePermissions(extension)) as Permissions['getAll'],
    remove: apiFunction(messaging, REMOVE, (request) =>
      failing(() => {
        const removed = removePermissions(extension, request as PermissionsRequest);
        if (removed) browser.events.dispatchToExtension(extension, 'permissions.onRemoved', [removed]);
        return true;
      }),
    ) as Permissions['remove'],
    removeHostAccessRequest: apiFunction(messaging, REMOVE_HOST_ACCESS_REQUEST, hostAccessRequest) as Permissions['removeHostAccessRequest'],
    // PermissionsRequestFunction::Run checks the gesture first, and nothing in Switchboard is a user
    // gesture: optional permissions are granted from outside, with grantPermissions.
    request: apiFunction(messaging, REQUEST, () => {
      throw new ApiError(PERMISSIONS_USER_GESTURE_REQUIRED);
    }) as Permissions['request'],
  };
}
