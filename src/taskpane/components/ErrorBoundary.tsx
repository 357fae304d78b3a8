import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import type { Lang } from "../../core/i18n";
import { errorMessage } from "../errors";

type Props = { lang: Lang; children: ReactNode };
type State = { error: unknown; failed: boolean };

/** A fault while drawing the pane shows what went wrong and what to do, never a blank pane. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error">
        <MessageBarBody>{errorMessage(this.state.error, this.props.lang)}</MessageBarBody>
      </MessageBar>
    );
  }
}
