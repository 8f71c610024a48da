import { Component, type ReactNode } from 'react';

/** A panel that throws shows its error instead of blanking the page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return (
        <div role="alert" className="error">
          This panel failed: {this.state.error.message}
        </div>
      );
    }
    return this.props.children;
  }
}
