import type { HospitalSummary, WardSummary } from '../shared/admin.js';
import { adminApi } from './api.js';
import { useLoad, type Loaded } from './use-load.js';

export function useHospitals(): [Loaded<HospitalSummary[]>, () => void] {
  return useLoad(async () => (await adminApi.hospitals()).hospitals, []);
}

export interface WardWithHospital {
  ward: WardSummary;
  hospital: HospitalSummary;
  hospitals: HospitalSummary[];
}

/** One ward, found in the hospital list (the API has no single-ward read: the list is small). */
export function findWard(hospitals: HospitalSummary[], id: string): WardWithHospital | null {
  for (const hospital of hospitals) {
    const ward = hospital.wards.find((w) => w.id === id);
    if (ward) return { ward, hospital, hospitals };
  }
  return null;
}
