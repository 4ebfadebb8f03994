import type {} from 'mp-checkout/types/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App, { orderId: 'order-1', total: 1500.5 }).mount('#app');
