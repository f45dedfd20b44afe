/** NHS design-system patterns used by more than one screen. */
export { Header, SERVICE_NAME } from './Header/index.js';
export { Page, SimplePage } from './Page/index.js';
export { ErrorSummary, type Problem } from './ErrorSummary/index.js';
export { TextInput, ErrorMessage } from './TextInput/index.js';
export { DateInput, type DateParts } from './DateInput/index.js';
export { Radios, type RadioItem } from './Radios/index.js';
export { Tag } from './Tag/index.js';
export { SummaryList, type SummaryRow } from './SummaryList/index.js';
export { Button, GuardedForm, useGuarded } from './Button/index.js';
export { BackLink } from './BackLink/index.js';
export { Panel } from './Panel/index.js';
export { NotificationBanner, SuccessBanner } from './Notification/index.js';
export { Tabs, type TabItem } from './Tabs/index.js';
export { useScreen } from './use-screen.js';
export { QrCode } from './QrCode/index.js';
export { CallVideo, type CallVideoProps } from './CallVideo/index.js';
export { Table, type TableColumn } from './Table/index.js';
export { Select, type SelectOption, type SelectGroup } from './Select/index.js';
