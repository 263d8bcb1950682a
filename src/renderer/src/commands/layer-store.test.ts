import { describe, expect, it } from 'vitest';
import { CommandLayerStore } from './layer-store';

describe('the command layer', () => {
  it('shows one surface at a time', () => {
    const layer = new CommandLayerStore();
    expect(layer.current()).toBeNull();
    layer.open({ kind: 'shortcuts' });
    layer.open({ kind: 'palette', enabled: new Set(['import']) });
    expect(layer.current()).toEqual({ kind: 'palette', enabled: new Set(['import']) });
    layer.close();
    expect(layer.current()).toBeNull();
  });

  it('toggles the palette, and opening it over the shortcuts list replaces that list', () => {
    const layer = new CommandLayerStore();
    layer.open({ kind: 'shortcuts' });
    layer.togglePalette(new Set());
    expect(layer.current()?.kind).toBe('palette');
    layer.togglePalette(new Set());
    expect(layer.current()).toBeNull();
  });

  it('keeps what could run when the palette opened, however the reader changes meanwhile', () => {
    const layer = new CommandLayerStore();
    const enabled = new Set(['highlight', 'tag'] as const);
    layer.togglePalette(enabled);
    const surface = layer.current();
    expect(surface?.kind === 'palette' && surface.enabled.has('highlight')).toBe(true);
  });

  it('tells subscribers of each change, and not of closing what was already closed', () => {
    const layer = new CommandLayerStore();
    let calls = 0;
    layer.subscribe(() => (calls += 1));
    layer.close();
    layer.open({ kind: 'shortcuts' });
    layer.close();
    expect(calls).toBe(2);
  });
});
