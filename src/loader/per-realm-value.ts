import type { Membrane } from './membrane.ts';

/**
 * A value held outside every realm that each realm sees in a form of its own: a message's data or
 * a CustomEvent's detail (a structured clone per world, world-values.ts), a frame's window (what
 * a world may reach of it). A membrane asks it instead of wrapping it.
 */
export abstract class PerRealmValue {
  #perRealm = true;
  static is(value: object): value is PerRealmValue {
    return #perRealm in value;
  }
  abstract forRealm(membrane: Membrane): unknown;
}
