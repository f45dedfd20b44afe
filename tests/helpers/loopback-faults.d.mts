// Types of loopback-faults.mjs, which stays plain JavaScript so the benchmarks can import it under node.

export type Protocol = 'udp' | 'tcp';

/** Issue 5's Wi-Fi losses: under Chromium's "disconnected" timer, and far past ICE failure. */
export declare const UDP_OUTAGES: { readonly shortMs: number; readonly longMs: number };

/** Every UDP packet on loopback dropped, both ways (a guest Wi-Fi that blocks UDP, or Wi-Fi gone for media). */
export declare function dropAllUdp(): void;
/** Packets to or from these ports dropped for good: the path they carried is gone. */
export declare function blockPorts(ports: number[], protocol?: Protocol): void;
/** Lifts every drop rule (the network is back). */
export declare function restoreNetwork(): void;
/** UDP shaped to about `kbps` (each of `ports` in its own class); TCP never shaped. */
export declare function shapeBandwidth(kbps: number, ports?: number[]): void;
export declare function removeShaping(): void;
/** Every fault lifted: run it in afterEach, so one failed scenario cannot break the next. */
export declare function resetNetwork(): void;
/** What `tc -s class show dev lo` says, for a failure message. */
export declare function shapingReport(): string;
