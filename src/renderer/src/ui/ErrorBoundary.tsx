// Keeps one failing region (a panel, the reader, the margin, a dialog) from blanking the
// app: the region shows what failed and a Retry button, and everything else keeps working.
import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';
import { reportFailure } from '../app/notifications/store';
import styles from './ErrorBoundary.module.css';

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
  /** Where the fallback stands: in the flow (default), or in place of a column beside the text. */
  placement?: 'flow' | 'column';
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
    // Whether or not the reload worked, render again: what still fails shows here again, and a
    // reload that failed says so rather than showing what it had before as if it were fresh.
    void Promise.resolve(reloading)
      .catch((error: unknown) => reportFailure(`Couldn't reload the ${this.props.region}`, error))
      .then(() => this.setState({ error: null }));
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { region, onClose, placement = 'flow' } = this.props;
    const where = onClose ? styles.dialog : placement === 'column' ? styles.column : '';
    return (
      <section className={`${styles.failed} ${where}`.trim()} role="alert" aria-label={`The ${region} failed`}>
        <h2 className={styles.title}>The {region} couldn't be shown</h2>
        <p className={styles.message}>{error.message || error.name}</p>
        <p className={styles.hint}>The rest of Marginalia still works. Retry, or open another document.</p>
        <div className={styles.actions}>
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
