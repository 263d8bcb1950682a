import { describe, expect, it } from 'vitest';
import { toolbarPosition } from './SelectionToolbar';

describe('toolbarPosition', () => {
  it('sits above the middle of the selection', () => {
    expect(toolbarPosition({ top: 300, left: 400, width: 200 }, 1440)).toEqual({ top: 252, left: 230 });
  });

  it('stays inside the window at the top, the left and the right', () => {
    expect(toolbarPosition({ top: 10, left: 0, width: 10 }, 1440)).toEqual({ top: 8, left: 8 });
    // The whole toolbar (Highlight, Tag, Note, Make claim… and the colors, 540 px) stays in view.
    expect(toolbarPosition({ top: 300, left: 1400, width: 40 }, 1440).left).toBe(892);
  });
});
