// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the incident chain as service requests.
// jurisdiction_id = township code, service_code = category, status open/closed, agency_responsible = the lead
// department, expected_datetime = the resolution deadline (else the stage deadline). No personal data: no
// reporter, no resident, no household; the description is the incident's title; address is the community.
import type { Incident } from '../../src/kit/index.js';
import { CATEGORY_TERMS, STATUS_TERMS, type IncidentCategoryName } from './enums.js';

export const open311Status = (i: Pick<Incident, 'status'>) =>
  i.status === 'CLOSED' || i.status === 'REJECTED' ? 'closed' : 'open';

export interface Open311Extras {
  agency: string | null;
  community: { name: string; code: string } | null;
}

/** one service request, the standard's keys in its order */
export function serviceRequest(i: Incident, x: Open311Extras) {
  return {
    service_request_id: i.id,
    status: open311Status(i),
    status_notes: STATUS_TERMS[i.status],
    service_name: CATEGORY_TERMS[i.category],
    service_code: i.category,
    description: i.title,
    agency_responsible: x.agency,
    service_notice: null,
    requested_datetime: i.reportedAt.toISOString(),
    updated_datetime: i.updatedAt.toISOString(),
    expected_datetime: (i.resolveDueAt ?? i.deadline)?.toISOString() ?? null,
    address: x.community?.name ?? null,
    address_id: x.community?.code ?? null,
    zipcode: null,
    lat: i.latitude,
    long: i.longitude,
    media_url: i.attachmentUrls[0] ?? null,
  };
}

/** one service (category) of the services list */
export const service = (code: IncidentCategoryName) => ({
  service_code: code,
  service_name: CATEGORY_TERMS[code].split(' ')[0],
  description: CATEGORY_TERMS[code],
  metadata: false,
  type: 'realtime',
  keywords: '',
  group: '网格事件',
});
