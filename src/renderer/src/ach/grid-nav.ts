// Where focus goes in the matrix on a key: arrows one cell, Home and End to the row's ends
// (with Ctrl, the grid's corners), Page Up and Down ten rows, all clamped to the grid.

export interface GridPosition {
  row: number;
  col: number;
}

export interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

export const PAGE_ROWS = 10;

/** The cell a navigation key moves to from `at` in a grid of rows × cols; null: not a navigation key. */
export function moveInGrid(event: GridKey, at: GridPosition, rows: number, cols: number): GridPosition | null {
  if (rows === 0 || cols === 0) return null;
  const clamp = (row: number, col: number) => ({
    row: Math.min(rows - 1, Math.max(0, row)),
    col: Math.min(cols - 1, Math.max(0, col)),
  });
  const corner = event.ctrlKey === true || event.metaKey === true;
  switch (event.key) {
    case 'ArrowUp':
      return clamp(at.row - 1, at.col);
    case 'ArrowDown':
      return clamp(at.row + 1, at.col);
    case 'ArrowLeft':
      return clamp(at.row, at.col - 1);
    case 'ArrowRight':
      return clamp(at.row, at.col + 1);
    case 'Home':
      return corner ? clamp(0, 0) : clamp(at.row, 0);
    case 'End':
      return corner ? clamp(rows - 1, cols - 1) : clamp(at.row, cols - 1);
    case 'PageUp':
      return clamp(at.row - PAGE_ROWS, at.col);
    case 'PageDown':
      return clamp(at.row + PAGE_ROWS, at.col);
    default:
      return null;
  }
}
