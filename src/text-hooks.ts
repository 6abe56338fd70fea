// The standard wiring of text changes: each change is queued as notices in the outbox inside its own
// transaction (so a notice exists exactly when the change committed), and published on the live bus
// after the commit (so every app server's SSE streams hear it, each filtered by `can`).
import type { LiveBus } from './live/live-bus.ts';
import { textLiveEvent } from './live/text-events.ts';
import { notifyTextChange } from './notifications/text-notices.ts';
import type { TextChangeHooks } from './texts/text-change.ts';

export function standardTextHooks(live: LiveBus): TextChangeHooks {
  return {
    enqueueNotifications: notifyTextChange,
    onTextChange: (change) => live.publish(textLiveEvent(change)),
  };
}
