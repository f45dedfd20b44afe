/**
 * NHS design-system patterns used by more than one screen: here, the ones the pages' first
 * screens draw (frame, header, forms, buttons, tabs, tags, banners). The rest (DateInput,
 * Radios, SummaryList, BackLink, Panel, CallVideo, FullScreenButton, Select, Table, QrCode) are
 * imported by their own folder's index: the bundler keeps what an index re-exports in the chunk
 * that holds the index, which every page loads first (bench/bundle-budget measured it).
 */
export { Header, SERVICE_NAME } from './Header/index.js';
export { Page, SimplePage } from './Page/index.js';
export { ErrorSummary, type Problem } from './ErrorSummary/index.js';
export { TextInput, ErrorMessage } from './TextInput/index.js';
export { Tag } from './Tag/index.js';
export { Button, GuardedForm, useGuarded } from './Button/index.js';
export { NotificationBanner, SuccessBanner } from './Notification/index.js';
export { Tabs, type TabItem } from './Tabs/index.js';
export { useScreen } from './use-screen.js';
export { guardLeaving, interceptLinkClicks, navigate, navigationState, usePath, type LeaveGuard, type NavigationState } from './history-router.js';
export { lazyScreen, type LoadFailedProps, type ScreenLoader } from './LazyScreen/index.js';
