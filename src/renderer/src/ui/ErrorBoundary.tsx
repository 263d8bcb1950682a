// Keeps one failing region (a panel, the reader, the margin, a dialog) from blanking the
// app: the region shows what failed and a Retry button, and everything else keeps working.
import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';

interface ErrorBoundaryProps {
  /** What the region is, as a person would name it: "library", "margin notes". */
  region: string;
  children: ReactNode;
  /** When any of these change (another document opened, say) the region tries again. */
  resetKeys?: readonly unknown[];
  /** Runs before a retry: reloads the data the region shows (the region waits for it). */
  onRetry?: () => Promise<unknown> | void;
  /** Dialogs offer Close as well, since their fallback would otherwise stay open. */
  onClose?: () => void;
}

interface ErrorBoundaryState {
  error: Error | null;
}

function sameKeys(a: readonly unknown[] = [], b: readonly unknown[] = []): boolean {
  return a.length === b.length && a.every((key, index) => Object.is(key, b[index]));
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`marginalia: the ${this.props.region} failed to render`, error, info.componentStack);
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.error && !sameKeys(previous.resetKeys, this.props.resetKeys)) this.setState({ error: null });
  }

  private readonly retry = (): void => {
    const reloading = this.props.onRetry?.();
    // Whether or not the reload worked, render again: what still fails shows here again.
    void Promise.resolve(reloading)
      .catch(() => undefined)
      .then(() => this.setState({ error: null }));
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { region, onClose } = this.props;
    return (
      <section
        className={onClose ? 'region-error region-error--dialog' : 'region-error'}
        role="alert"
        aria-label={`The ${region} failed`}
      >
        <h2 className="region-error__title">The {region} couldn't be shown</h2>
        <p className="region-error__message">{error.message || error.name}</p>
        <p className="region-error__hint">The rest of Marginalia still works. Retry, or open another document.</p>
        <div className="region-error__actions">
          <button type="button" className="button button--primary" onClick={this.retry}>
            Retry
          </button>
          {onClose && (
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          )}
        </div>
      </section>
    );
  }
}
