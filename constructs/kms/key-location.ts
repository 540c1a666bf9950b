/**
 * Where a CMEK key must live for a Cloud Storage bucket: Cloud Storage requires the key in the
 * bucket's own location, and the three multi-regions are spelled differently in the two APIs
 * (bucket `EU`, key ring `europe`).
 */
const MULTI_REGION_KMS_LOCATION: Readonly<Record<string, string>> = { EU: 'europe', US: 'us', ASIA: 'asia' };

/** The KMS location for a key protecting a bucket in `storageLocation` (`EU` -> `europe`, `EUROPE-WEST1` -> `europe-west1`). */
export function kmsLocationForStorage(storageLocation: string): string {
  const upper = storageLocation.toUpperCase();
  return MULTI_REGION_KMS_LOCATION[upper] ?? storageLocation.toLowerCase();
}
