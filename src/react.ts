/**
 * `mp-checkout/react`: <mp-checkout> as a React component, for React 18 and older, which set every
 * JSX prop as a string attribute and cannot listen to custom events. `@lit/react` sets properties
 * (`payer`, `items`, `headers`, `messages`) and adds the `mp-*` listeners. React 19 needs no wrapper:
 * use the element itself with `mp-checkout/types/react`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { MpCheckoutElement } from './mp-checkout.js';
import type { MpChangeEvent, MpErrorEvent, MpPaymentEvent, MpReadyEvent, MpSubmitEvent } from './events/events.js';
import './define.js';

export const MpCheckout = createComponent({
  react: React,
  tagName: 'mp-checkout',
  elementClass: MpCheckoutElement,
  displayName: 'MpCheckout',
  events: {
    onMpReady: 'mp-ready' as EventName<MpReadyEvent>,
    onMpChange: 'mp-change' as EventName<MpChangeEvent>,
    onMpSubmit: 'mp-submit' as EventName<MpSubmitEvent>,
    onMpPayment: 'mp-payment' as EventName<MpPaymentEvent>,
    onMpError: 'mp-error' as EventName<MpErrorEvent>,
  },
});
