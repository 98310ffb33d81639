/**
 * In-process stream of issue changes, emitted after each detection pass (and analyst action) has been committed.
 * Consumers (alerts) subscribe: `issueEvents.events$.subscribe((e) => …)` or `issueEvents.on(listener)`.
 * Emission is synchronous; a listener that throws is isolated (logged) and never breaks the pass.
 */
import { Injectable, Logger } from '@nestjs/common';
import { Subject, type Observable, type Subscription } from 'rxjs';
import type { IssueView } from './dto/issue-view.js';
import type { StateChange } from './detection/detection.types.js';

export type IssueEventType = 'created' | 'updated';

export interface IssueEvent {
  type: IssueEventType;
  issue: IssueView;
  /** States the issue entered in this pass (epoch ms), empty for analyst edits. */
  transitions?: StateChange[];
}

@Injectable()
export class IssueEvents {
  private readonly logger = new Logger(IssueEvents.name);
  private readonly subject = new Subject<IssueEvent>();

  get events$(): Observable<IssueEvent> {
    return this.subject.asObservable();
  }

  on(listener: (event: IssueEvent) => void | Promise<void>): Subscription {
    return this.subject.subscribe((event) => {
      try {
        const r = listener(event);
        if (r && typeof r.catch === 'function') {
          r.catch((err: unknown) => this.logger.error(`Issue event listener failed: ${String(err)}`));
        }
      } catch (err) {
        this.logger.error(`Issue event listener failed: ${String(err)}`);
      }
    });
  }

  emit(event: IssueEvent): void {
    this.subject.next(event);
  }
}
