import type { PeerMessage } from '../shared/index.js';
import { changeCamera, listCameras, openLocalMedia, setTracksEnabled, stopMedia, type CameraChoice, type Facing, type ReplaceTrack } from './media.js';

export interface LocalMediaState {
  stream: MediaStream | null;
  microphoneOn: boolean;
  cameraOn: boolean;
  facing: Facing;
  /** Whether there is another camera to switch to (phones and tablets have front and back). */
  canSwitchCamera: boolean;
}

/** One side's own camera and microphone during a call, and what the other side is told about them. */
export class LocalMedia {
  state: LocalMediaState = { stream: null, microphoneOn: true, cameraOn: true, facing: 'user', canSwitchCamera: false };

  constructor(private readonly changed: () => void) {}

  async open(choice: CameraChoice = {}): Promise<MediaStream> {
    stopMedia(this.state.stream);
    const stream = await openLocalMedia(choice);
    setTracksEnabled(stream, 'audio', this.state.microphoneOn);
    setTracksEnabled(stream, 'video', this.state.cameraOn);
    const cameras = await listCameras().catch(() => []);
    this.state = { ...this.state, stream, facing: choice.facing ?? this.state.facing, canSwitchCamera: cameras.length > 1 };
    this.changed();
    return stream;
  }

  get hasCamera(): boolean {
    return (this.state.stream?.getVideoTracks().length ?? 0) > 0;
  }

  setMicrophone(on: boolean): void {
    if (this.state.stream) setTracksEnabled(this.state.stream, 'audio', on);
    this.state = { ...this.state, microphoneOn: on };
    this.changed();
  }

  setCamera(on: boolean): void {
    if (this.state.stream) setTracksEnabled(this.state.stream, 'video', on);
    this.state = { ...this.state, cameraOn: on };
    this.changed();
  }

  /**
   * The next camera (front to back and back again). Cameras are chosen by device id, not by
   * facingMode: a laptop or a tablet's driver may not report which way a camera faces.
   * `replace` gives each peer the new track.
   */
  async switchCamera(replace: ReplaceTrack): Promise<void> {
    const stream = this.state.stream;
    const current = stream?.getVideoTracks()[0]?.getSettings().deviceId;
    const cameras = await listCameras();
    if (!stream || !this.hasCamera || cameras.length < 2) return;
    const next = cameras[(cameras.findIndex((camera) => camera.deviceId === current) + 1) % cameras.length]!;
    await changeCamera(stream, { deviceId: next.deviceId }, replace);
    const facing: Facing = this.state.facing === 'user' ? 'environment' : 'user';
    this.state = { ...this.state, facing };
    this.changed();
  }

  /** A chosen camera from the device check's list. */
  async useCamera(deviceId: string): Promise<void> {
    const stream = this.state.stream;
    if (!stream || !this.hasCamera) return;
    // Chosen before joining: there are no peers to tell yet.
    await changeCamera(stream, { deviceId }, () => {});
    this.changed();
  }

  /** What the other side should show about us: "Camera off", "Microphone off". */
  message(): PeerMessage {
    return { kind: 'media-state', microphoneOn: this.state.microphoneOn, cameraOn: this.state.cameraOn && this.hasCamera };
  }

  stop(): void {
    stopMedia(this.state.stream);
    this.state = { ...this.state, stream: null };
  }
}
