import type { LiveRecords, RecordKind } from '../live/index.js';
import { CallRoom, type CallRoomRecord } from './call-room.js';

/**
 * A room is forgotten by Redis when nothing has changed it for this long: longer than any
 * visit runs (the slot, then the grace period), so only a room whose every node died goes.
 */
const CALL_ROOM_TTL_MS = 12 * 3_600_000;

export const callRoomKind: RecordKind<CallRoom> = {
  name: 'call-room',
  encode: (room) => JSON.stringify(room.toRecord()),
  decode: (text) => CallRoom.fromRecord(JSON.parse(text) as CallRoomRecord),
  ttlMs: CALL_ROOM_TTL_MS,
};

/**
 * Every visit's call room, wherever the live state is kept. A change runs alone on its room
 * across all nodes. A room nobody is in (no tablet, none lost in its grace period, no visitor,
 * not even one away) is let go, or it would outlive its visit: a visitor who joined before
 * the ward started and left, or a tablet lost from a visit that never connected. Someone coming
 * back makes a new one.
 */
export class CallRooms {
  constructor(private readonly records: LiveRecords<CallRoom>) {}

  /** A look at the room, not a change: what it answers must not be changed. */
  read(visitId: string): Promise<CallRoom | undefined> {
    return this.records.read(visitId);
  }

  /** Changes the visit's room, made if there is none. */
  change<R>(visitId: string, wardId: string, change: (room: CallRoom) => R): Promise<R> {
    return this.records.update(visitId, (found) => {
      const room = found ?? new CallRoom(wardId);
      const answer = change(room);
      return { keep: room.empty ? null : room, answer };
    });
  }

  /** Changes the room only if there is one: undefined if not. */
  changeIfAny<R>(visitId: string, change: (room: CallRoom) => R): Promise<R | undefined> {
    return this.records.update(visitId, (room) => {
      if (!room) return { keep: null, answer: undefined };
      const answer = change(room);
      return { keep: room.empty ? null : room, answer };
    });
  }

  /** The visit is over: its room goes. True if there was one, so whoever was in it is told. */
  close(visitId: string): Promise<boolean> {
    return this.records.update(visitId, (room) => ({ keep: null, answer: room !== undefined }));
  }

  count(): Promise<number> {
    return this.records.count();
  }
}
