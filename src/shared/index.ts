export * from './limits.js';
export * from './local-time.js';
export * from './visit.js';
export * from './booking-rules.js';
export * from './commands.js';
export * from './api.js';
export * from './realtime.js';
export * from './join.js';
