import { useEffect, useRef, useState } from 'preact/hooks';
import { listCameras, type VisitorCall } from '../call/index.js';
import { Radios } from '../ui/Radios/index.js';

type Camera = { deviceId: string; label: string };

/**
 * Which camera to use, only when there is a choice (a laptop with a webcam plugged in; a
 * phone's front and back). Radios rather than a select: two or three options, all visible.
 */
export function CameraChoice({ call, stream }: { call: VisitorCall; stream: MediaStream | null }) {
  const [cameras, setCameras] = useState<Camera[]>([]);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string>();
  // One change at a time: a second tap waits for the first camera to open (phones cannot open two).
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    if (!stream || stream.getVideoTracks().length === 0) {
      setCameras([]);
      return;
    }
    // Labels are only given once camera permission is granted, so list after the stream opened.
    listCameras().then(setCameras, () => setCameras([]));
    setChosen(stream.getVideoTracks()[0]?.getSettings().deviceId ?? '');
  }, [stream]);

  if (cameras.length < 2) return null;

  const choose = (deviceId: string) => {
    setChosen(deviceId);
    queue.current = queue.current
      .then(() => call.useCamera(deviceId))
      .then(
        () => setError(undefined),
        () => setError('That camera could not be started. Choose another camera'),
      );
  };

  return (
    <Radios
      name="camera"
      legend="Camera"
      items={cameras.map((camera) => ({ value: camera.deviceId, label: camera.label }))}
      value={chosen}
      onChange={choose}
      error={error}
    />
  );
}
