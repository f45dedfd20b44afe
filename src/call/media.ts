/**
 * Camera and microphone: the one place that calls getUserMedia. Failures become a
 * MediaProblem whose reason the screens turn into help.
 */

export type MediaProblemReason = 'no-camera-permission' | 'no-devices';
export type Facing = 'user' | 'environment';

export class MediaProblem extends Error {
  constructor(readonly reason: MediaProblemReason) {
    super(reason === 'no-devices' ? 'No camera or microphone was found.' : 'Camera and microphone are blocked.');
    this.name = 'MediaProblem';
  }
}

/** Video starts at 640×360: enough for a face on a phone, light on ward Wi-Fi (issue 5 adapts it). */
const VIDEO_SIZE = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 30, max: 30 } };
const AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

export interface CameraChoice {
  deviceId?: string | undefined;
  facing?: Facing | undefined;
}

function videoConstraints(choice: CameraChoice): MediaTrackConstraints {
  if (choice.deviceId) return { ...VIDEO_SIZE, deviceId: { exact: choice.deviceId } };
  return { ...VIDEO_SIZE, facingMode: choice.facing ?? 'user' };
}

function classify(error: unknown): Error {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return new MediaProblem('no-camera-permission');
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') return new MediaProblem('no-devices');
  if (!navigator.mediaDevices) return new MediaProblem('no-devices');
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Camera and microphone together. Without a camera, the microphone alone still makes a
 * visit (a voice call is better than none); without a microphone there is no visit.
 */
export async function openLocalMedia(choice: CameraChoice = {}): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new MediaProblem('no-devices');
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: AUDIO, video: videoConstraints(choice) });
  } catch (error) {
    const problem = classify(error);
    if (!(problem instanceof MediaProblem) || problem.reason !== 'no-devices') throw problem;
    try {
      return await navigator.mediaDevices.getUserMedia({ audio: AUDIO });
    } catch (audioError) {
      throw classify(audioError);
    }
  }
}

/** The cameras a person can choose between (labels appear once permission is given). */
export async function listCameras(): Promise<{ deviceId: string; label: string }[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((device) => device.kind === 'videoinput')
    .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `Camera ${index + 1}` }));
}

/** Hands a new camera track to each peer (replaceTrack) while the old one still runs. */
export type ReplaceTrack = (oldTrack: MediaStreamTrack, newTrack: MediaStreamTrack, stream: MediaStream) => void;

/**
 * Swaps the stream's camera for another, and the peers' track with it (replaceTrack, so no
 * renegotiation). The peers get the new track before the old one stops: measured in Chromium,
 * a sender whose track was stopped first sends no frames from its replacement. Phones often
 * cannot open two cameras at once, so there the old one is stopped first and the call's video
 * pauses for the moment the new camera takes to open.
 */
export async function changeCamera(stream: MediaStream, choice: CameraChoice, replace: ReplaceTrack): Promise<void> {
  const oldTrack = stream.getVideoTracks()[0];
  if (!oldTrack) throw new MediaProblem('no-devices');
  const open = async () => (await navigator.mediaDevices.getUserMedia({ video: videoConstraints(choice) })).getVideoTracks()[0]!;
  let newTrack: MediaStreamTrack;
  try {
    newTrack = await open();
  } catch {
    oldTrack.stop();
    newTrack = await open().catch((error: unknown) => Promise.reject(classify(error)));
  }
  newTrack.enabled = oldTrack.enabled;
  replace(oldTrack, newTrack, stream);
  stream.removeTrack(oldTrack);
  stream.addTrack(newTrack);
  oldTrack.stop();
}

export function setTracksEnabled(stream: MediaStream, kind: 'audio' | 'video', enabled: boolean): void {
  for (const track of kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks()) track.enabled = enabled;
}

export function stopMedia(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}

/** How often the microphone meter updates: smooth to the eye, cheap on an old phone. */
const METER_INTERVAL_MS = 100;

/** Calls back with the microphone's loudness from 0 to 1 until stopped. */
export function watchMicrophoneLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  if (stream.getAudioTracks().length === 0 || typeof AudioContext === 'undefined') return () => {};
  const audio = new AudioContext();
  // iOS Safari starts a context made outside a tap suspended; the meter would sit at zero.
  void audio.resume();
  const analyser = audio.createAnalyser();
  analyser.fftSize = 512;
  audio.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    // Speech sits around 0.02–0.2 RMS; scale so a normal voice fills most of the meter.
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 5));
  }, METER_INTERVAL_MS);
  return () => {
    clearInterval(timer);
    void audio.close();
  };
}
