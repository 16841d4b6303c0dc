/**
 * The extension's context menu items (MenuManager, chrome/browser/extensions/menu_manager.cc, and
 * context_menus_api_helpers.h): a tree of items with ids, types, contexts and URL patterns,
 * checked as Chrome checks them; and what a user's click on one does — radio and checkbox items
 * change state, and contextMenus.onClicked is raised with Chrome's OnClickData and the tab.
 */
import {
  CONTEXT_MENUS_CHECKED,
  CONTEXT_MENUS_LAUNCHER_NOT_ALLOWED,
  CONTEXT_MENUS_ONCLICK_DISALLOWED,
  CONTEXT_MENUS_PARENTS_MUST_BE_NORMAL,
  CONTEXT_MENUS_TITLE_NEEDED,
  UNKNOWN_ERROR,
  contextMenusCannotFindItem,
  contextMenusDuplicateId,
  contextMenusInvalidUrlPattern,
} from '../core/errors.ts';
import type { Extension } from '../core/extension.ts';
import { MatchPattern, MatchPatternError, SCHEME_ALL } from '../core/manifest/match-pattern.ts';
import type { Tab } from '../core/tab.ts';
import { scrubTab } from './tab-access.ts';
import { dispatchWithUserGesture } from './user-gesture.ts';

export type MenuItemId = string | number;
export type ItemType = 'normal' | 'checkbox' | 'radio' | 'separator';

/** contextMenus.CreateProperties / the update's properties, as parsed. */
export interface MenuItemProperties {
  id?: string;
  type?: ItemType;
  title?: string;
  checked?: boolean;
  contexts?: string[];
  visible?: boolean;
  enabled?: boolean;
  parentId?: MenuItemId;
  documentUrlPatterns?: string[];
  targetUrlPatterns?: string[];
  onclick?: unknown;
}

/** One item, as the menu manager keeps it. */
export interface MenuItem {
  readonly id: MenuItemId;
  type: ItemType;
  title: string;
  checked: boolean;
  contexts: string[];
  visible: boolean;
  enabled: boolean;
  parentId: MenuItemId | undefined;
  documentUrlPatterns: MatchPattern[] | undefined;
  targetUrlPatterns: MatchPattern[] | undefined;
}

export class ContextMenuError extends Error {
  override readonly name = 'ContextMenuError';
}

/** MenuItem::Id: a generated integer or the extension's string; keys of a map. */
const keyOf = (id: MenuItemId): string => (typeof id === 'number' ? `#${id}` : `'${id}`);

/** An event page or service worker: such extensions must name their items (BackgroundInfo::HasLazyContext). */
function hasLazyContext(extension: Extension): boolean {
  return 'background' in extension.manifest;
}

function parsePatterns(patterns: readonly string[] | undefined): MatchPattern[] | undefined {
  if (patterns === undefined) return undefined;
  return patterns.map((text) => {
    const pattern = MatchPattern.tryParse(text, SCHEME_ALL);
    if (pattern instanceof MatchPatternError) throw new ContextMenuError(contextMenusInvalidUrlPattern(text));
    return pattern;
  });
}

/** One extension's items, in creation order. */
export class ExtensionMenu {
  readonly #items = new Map<string, MenuItem>();

  constructor(readonly extension: Extension) {}

  get items(): MenuItem[] {
    return [...this.#items.values()];
  }

  get(id: MenuItemId): MenuItem | undefined {
    return this.#items.get(keyOf(id));
  }

  #find(id: MenuItemId): MenuItem {
    const item = this.get(id);
    if (!item) throw new ContextMenuError(contextMenusCannotFindItem(id));
    return item;
  }

  /** A parent must exist and be a normal item (GetParent). */
  #parent(id: MenuItemId): MenuItem {
    const parent = this.#find(id);
    if (parent.type !== 'normal') throw new ContextMenuError(CONTEXT_MENUS_PARENTS_MUST_BE_NORMAL);
    return parent;
  }

  /** CreateMenuItem, its checks in Chrome's order; `id` is the given one or the generated one. */
  create(id: MenuItemId, properties: MenuItemProperties): void {
    if (this.get(id)) throw new ContextMenuError(contextMenusDuplicateId(String(id)));
    if (hasLazyContext(this.extension) && properties.onclick !== undefined) throw new ContextMenuError(CONTEXT_MENUS_ONCLICK_DISALLOWED);
    const contexts = properties.contexts ?? ['page'];
    if (contexts.includes('launcher')) throw new ContextMenuError(CONTEXT_MENUS_LAUNCHER_NOT_ALLOWED);
    const type = properties.type ?? 'normal';
    const title = properties.title ?? '';
    if (title === '' && type !== 'separator') throw new ContextMenuError(CONTEXT_MENUS_TITLE_NEEDED);
    const item: MenuItem = {
      id,
      type,
      title,
      // Only radio and checkbox items keep a checked state (MenuItem::SetChecked).
      checked: (type === 'checkbox' || type === 'radio') && properties.checked === true,
      contexts: [...contexts],
      visible: properties.visible ?? true,
      enabled: properties.enabled ?? true,
      parentId: undefined,
      documentUrlPatterns: parsePatterns(properties.documentUrlPatterns),
      targetUrlPatterns: parsePatterns(properties.targetUrlPatterns),
    };
    if (properties.parentId !== undefined) item.parentId = this.#parent(properties.parentId).id;
    this.#items.set(keyOf(id), item);
    this.#sanitizeRadios(item.parentId);
  }

  /** UpdateMenuItem: each property in turn; what was changed before a failure stays changed, as in Chrome. */
  update(id: MenuItemId, properties: MenuItemProperties): void {
    const item = this.#find(id);
    if (properties.type !== undefined) item.type = properties.type;
    if (item.type !== 'checkbox' && item.type !== 'radio') item.checked = false;
    if (properties.title !== undefined) {
      if (properties.title === '' && item.type !== 'separator') throw new ContextMenuError(CONTEXT_MENUS_TITLE_NEEDED);
      item.title = properties.title;
    }
    if (properties.checked !== undefined) {
      if (properties.checked && item.type !== 'checkbox' && item.type !== 'radio') throw new ContextMenuError(CONTEXT_MENUS_CHECKED);
      if (properties.checked && item.type === 'radio') this.#uncheckGroup(item);
      item.checked = properties.checked;
    }
    if (properties.visible !== undefined) item.visible = properties.visible;
    if (properties.enabled !== undefined) item.enabled = properties.enabled;
    if (properties.contexts !== undefined) {
      if (properties.contexts.includes('launcher')) throw new ContextMenuError(CONTEXT_MENUS_LAUNCHER_NOT_ALLOWED);
      item.contexts = [...properties.contexts];
    }
    if (properties.parentId !== undefined) {
      const parent = this.#parent(properties.parentId);
      // MenuManager::ChangeParent refuses a cycle without saying why.
      if (parent === item || this.#ancestors(parent).includes(item)) throw new ContextMenuError(UNKNOWN_ERROR);
      const before = item.parentId;
      item.parentId = parent.id;
      this.#sanitizeRadios(before);
    }
    if (properties.documentUrlPatterns !== undefined) item.documentUrlPatterns = parsePatterns(properties.documentUrlPatterns);
    if (properties.targetUrlPatterns !== undefined) item.targetUrlPatterns = parsePatterns(properties.targetUrlPatterns);
    this.#sanitizeRadios(item.parentId);
  }

  /** RemoveContextMenuItem: the item and everything under it. */
  remove(id: MenuItemId): void {
    const item = this.#find(id);
    const doomed = new Set([item]);
    for (const other of this.#items.values()) if (this.#ancestors(other).some((ancestor) => doomed.has(ancestor))) doomed.add(other);
    for (const gone of doomed) this.#items.delete(keyOf(gone.id));
    this.#sanitizeRadios(item.parentId);
  }

  removeAll(): void {
    this.#items.clear();
  }

  #ancestors(item: MenuItem): MenuItem[] {
    const ancestors: MenuItem[] = [];
    for (let parent = item.parentId === undefined ? undefined : this.get(item.parentId); parent; parent = parent.parentId === undefined ? undefined : this.get(parent.parentId)) {
      ancestors.push(parent);
    }
    return ancestors;
  }

  /** The radio items next to `item` among its siblings: one group (MenuManager's radio lists). */
  #group(item: MenuItem): MenuItem[] {
    const siblings = this.items.filter((other) => other.parentId === item.parentId);
    const index = siblings.indexOf(item);
    let start = index;
    let end = index;
    while (start > 0 && siblings[start - 1]!.type === 'radio') start--;
    while (end < siblings.length - 1 && siblings[end + 1]!.type === 'radio') end++;
    return siblings.slice(start, end + 1);
  }

  #uncheckGroup(item: MenuItem): void {
    for (const other of this.#group(item)) other.checked = false;
  }

  /** SanitizeRadioList: every radio group has exactly one checked item, the first by default. */
  #sanitizeRadios(parentId: MenuItemId | undefined): void {
    const siblings = this.items.filter((other) => other.parentId === parentId);
    for (let i = 0; i < siblings.length; i++) {
      if (siblings[i]!.type !== 'radio' || (i > 0 && siblings[i - 1]!.type === 'radio')) continue;
      const group = this.#group(siblings[i]!);
      const checked = group.filter((radio) => radio.checked);
      for (const radio of checked.slice(1)) radio.checked = false;
      if (checked.length === 0) group[0]!.checked = true;
    }
  }

  /** MenuManager::ExecuteCommand's state change: a checkbox toggles, a radio item becomes the checked one. */
  click(item: MenuItem): { wasChecked: boolean; checked: boolean } | undefined {
    if (item.type !== 'checkbox' && item.type !== 'radio') return undefined;
    const wasChecked = item.checked;
    if (item.type === 'radio') this.#uncheckGroup(item);
    item.checked = item.type === 'radio' ? true : !wasChecked;
    return { wasChecked, checked: item.checked };
  }
}

const menus = new WeakMap<Extension, ExtensionMenu>();

export function menuOf(extension: Extension): ExtensionMenu {
  let menu = menus.get(extension);
  if (!menu) {
    menu = new ExtensionMenu(extension);
    menus.set(extension, menu);
  }
  return menu;
}

/** Where the user right-clicked: the tab and frame, and what was under the pointer. */
export interface ContextMenuClick {
  /** The tab clicked in; omit for a click outside any tab (the action's menu). */
  readonly tab?: Tab;
  readonly frameId?: number;
  /** Default: the tab's URL. */
  readonly pageUrl?: string;
  /** Default: the frame's URL when the frame is a subframe. */
  readonly frameUrl?: string;
  readonly selectionText?: string;
  readonly linkUrl?: string;
  readonly srcUrl?: string;
  readonly mediaType?: 'image' | 'video' | 'audio';
  readonly editable?: boolean;
}

/**
 * A user's click on the extension's context menu item `menuItemId` (MenuManager::ExecuteCommand):
 * a checkbox toggles, a radio item becomes checked, and contextMenus.onClicked is raised in the
 * extension's privileged contexts, inside a user gesture, with Chrome's OnClickData (keys sorted,
 * as base::Value keeps them) and the tab as the extension may see it.
 */
export function clickContextMenu(extension: Extension, menuItemId: MenuItemId, click: ContextMenuClick = {}): void {
  if (!extension.enabled) throw new ContextMenuError(`Extension ${extension.id} is not enabled`);
  const menu = menuOf(extension);
  const item = menu.get(menuItemId);
  if (!item) throw new ContextMenuError(`Extension ${extension.id} has no context menu item ${String(menuItemId)}`);
  if (item.type === 'separator' || !item.visible || !item.enabled) throw new ContextMenuError(`Context menu item ${String(menuItemId)} cannot be clicked`);
  const tab = click.tab;
  const frame = tab && click.frameId !== undefined ? [...tab.mainFrame.document.subtree()].find((d) => d.frame.frameId === click.frameId)?.frame : undefined;
  if (tab && click.frameId !== undefined && !frame) throw new ContextMenuError(`Tab ${tab.id} has no frame ${click.frameId}`);
  const pageUrl = click.pageUrl ?? tab?.mainFrame.document.url;
  const frameUrl = click.frameUrl ?? (frame && frame.frameId !== 0 ? frame.document.url : undefined);
  const state = menu.click(item);
  const data: Record<string, unknown> = {};
  if (state) data.checked = state.checked;
  data.editable = click.editable ?? false;
  data.frameId = click.frameId ?? 0;
  if (frameUrl) data.frameUrl = frameUrl;
  if (click.linkUrl) data.linkUrl = click.linkUrl;
  if (click.mediaType) data.mediaType = click.mediaType;
  data.menuItemId = item.id;
  if (pageUrl) data.pageUrl = pageUrl;
  if (item.parentId !== undefined) data.parentMenuItemId = item.parentId;
  if (click.selectionText) data.selectionText = click.selectionText;
  if (click.srcUrl) data.srcUrl = click.srcUrl;
  if (state) data.wasChecked = state.wasChecked;
  const args: unknown[] = [data];
  if (tab) args.push(scrubTab(extension, tab.info()));
  dispatchWithUserGesture(extension, 'contextMenus.onClicked', args);
}
