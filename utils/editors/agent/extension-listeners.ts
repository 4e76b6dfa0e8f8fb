import type { Browser } from 'wxt/browser';
import { handoff } from './handoff';

type MessageListener = (message: never, sender: Browser.runtime.MessageSender, sendResponse: (answer?: unknown) => void) => true | undefined | void;

const messageListeners: MessageListener[] = [];

/** `runtime.onMessage`, also for the messages the bootstrap held while the agent was loading. */
export function onExtensionMessage(listener: MessageListener): void {
  messageListeners.push(listener);
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}

/**
 * Called once every part of the agent listens: the bootstrap stops holding, and what it held is
 * dealt with here: the focus that woke the agent, then the messages in the order they came.
 * Ports need no holding: the panel opens one only to an editor this agent has announced.
 */
export function takeOverFromBootstrap(onFocused: (target: Node) => void): void {
  const held = handoff();
  held.agentReady = true;
  if (held.focused) onFocused(held.focused);
  held.focused = null;
  for (const { message, sender, respond } of held.messages.splice(0)) {
    let answered = false;
    const once = (answer?: unknown) => {
      if (answered) return;
      answered = true;
      respond(answer);
    };
    const waits = messageListeners.map((listener) => listener(message as never, sender, once) === true).some(Boolean);
    // A message no listener answers still ends: its sender is not left waiting.
    if (!waits) once();
  }
}
