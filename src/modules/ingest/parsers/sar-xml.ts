/**
 * ISE-SAR / NIEM-style SAR XML intake (the exchange is defined in docs/sar-xml-exchange.md).
 * Each `SuspiciousActivityReport` becomes one `sar` record body; a report with problems
 * becomes a row of located errors and the file reads on. Files with a DTD are refused.
 */
import {
  HOW_OBSERVED,
  SAR_BEHAVIOURS,
  TARGET_SECTORS,
  TIP_CLASSES,
  TIP_DOMAINS,
} from '../../records/sar-codes.ts';
import { inspectValue } from './limits.ts';
import {
  fail,
  findAll,
  readCodes,
  readInstant,
  readNumber,
  textOf,
  type Found,
  type MapContext,
} from './sar-xml-elements.ts';
import {
  readContacts,
  readLocationObservation,
  readOrganization,
  readPerson,
  readSourceAgency,
  readVehicle,
} from './sar-xml-entities.ts';
import { readSarXml, type XmlReport } from './sar-xml-reader.ts';
import {
  resolveLimits,
  rowError,
  WHOLE_ROW,
  type Limits,
  type ParsedRow,
  type ParserOptions,
} from './types.ts';

const BEHAVIOUR_CODES = SAR_BEHAVIOURS.map((b) => b.code);
const BEHAVIOUR_NAMES = new Map<string, string>(SAR_BEHAVIOURS.map((b) => [b.code, b.name]));
const ID_PATH = 'SuspiciousActivityReportIdentification/IdentificationID';

export async function* parseSarXml(
  input: AsyncIterable<Buffer | string>,
  opts: ParserOptions,
): AsyncGenerator<ParsedRow> {
  const limits = resolveLimits(opts);
  for await (const report of readSarXml(input, limits)) yield mapReport(report, limits);
}

function mapReport(report: XmlReport, limits: Limits): ParsedRow {
  const ctx: MapContext = { errors: [], timezone: limits.timezone };
  const root: Found = { el: report.root, path: '' };
  const idFound = textOf(root, ID_PATH);
  const id = idFound && idFound.value.length <= 200 ? idFound.value : undefined;
  if (report.problem !== undefined) {
    const line = report.problemLine ?? report.line;
    return rowError(report.line, [{ line, field: WHOLE_ROW, message: report.problem }], id);
  }
  if (!idFound) fail(ctx, root, `${ID_PATH} is required`);
  else if (!id) fail(ctx, idFound.at, 'the report identifier is longer than 200 characters');
  const body = buildBody(root, id ?? '', ctx);
  for (const issue of inspectValue(body, limits))
    ctx.errors.push({ line: report.line, field: issue.path, message: issue.message });
  if (ctx.errors.length > 0 || id === undefined) return rowError(report.line, ctx.errors, id);
  return { ok: true, line: report.line, sourceRecordId: id, body };
}

function buildBody(root: Found, id: string, ctx: MapContext): Record<string, unknown> {
  const payload = readPayload(root, ctx);
  const body: Record<string, unknown> = {
    kind: 'sar',
    sourceRecordId: id,
    title: titleOf(root, id, payload['behaviours'] as string[]),
    narrative: textOf(root, 'ActivityDescriptionText')?.value ?? '',
    payload,
  };
  const from = readInstant(root, 'ActivityDateRange/StartDate', ctx);
  const to = readInstant(root, 'ActivityDateRange/EndDate', ctx);
  if (from) body['occurredFrom'] = from;
  if (to) body['occurredTo'] = to;
  const observations = [
    ...readLocation(root, body, ctx),
    ...findAll(root, 'InvolvedPerson').flatMap((f) => readPerson(f, ctx)),
    ...findAll(root, 'InvolvedVehicle').flatMap((f) => readVehicle(f, ctx)),
    ...findAll(root, 'InvolvedOrganization').flatMap((f) => readOrganization(f, ctx)),
    ...readContacts(root, ctx),
    ...readSourceAgency(root, ctx),
  ];
  if (observations.length > 0) body['observations'] = observations;
  return body;
}

function readPayload(root: Found, ctx: MapContext): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    behaviours: readCodes(
      root,
      'SuspiciousActivityCategoryCode',
      BEHAVIOUR_CODES,
      'ISE-SAR behaviour',
      ctx,
    ),
    targetSectors: readCodes(root, 'TargetSectorCode', TARGET_SECTORS, 'target sector', ctx),
  };
  const tipClasses = readCodes(root, 'TipClassCode', TIP_CLASSES, 'tip class', ctx);
  if (tipClasses.length > 0) payload['tipClasses'] = tipClasses;
  const [tipDomain] = readCodes(root, 'TipDomainCode', TIP_DOMAINS, 'tip domain', ctx);
  if (tipDomain) payload['tipDomain'] = tipDomain;
  const how = textOf(root, 'HowObservedCode');
  if (how) {
    const value = how.value.toLowerCase().replace(/[\s-]+/g, '_');
    if ((HOW_OBSERVED as readonly string[]).includes(value)) payload['howObserved'] = value;
    else fail(ctx, how.at, `unknown how-observed code "${how.value.slice(0, 60)}"`);
  }
  return payload;
}

/** `ActivityName` when given, else the identifier and the behaviour categories. */
function titleOf(root: Found, id: string, behaviours: string[]): string {
  const given = textOf(root, 'ActivityName')?.value;
  if (given) return given.slice(0, 500);
  const names = behaviours.map((b) => BEHAVIOUR_NAMES.get(b) ?? b).join(', ');
  return (names ? `SAR ${id}: ${names}` : `SAR ${id}`).slice(0, 500);
}

/** Coordinates go to the record's `location`; the place also becomes an observation. */
function readLocation(root: Found, body: Record<string, unknown>, ctx: MapContext) {
  const at = findAll(root, 'ActivityLocation')[0];
  if (!at) return [];
  const point = 'Location2DGeospatialCoordinate';
  const lat = readNumber(at, `${point}/GeographicCoordinateLatitude/LatitudeDegreeValue`, 90, ctx);
  const lon = readNumber(
    at,
    `${point}/GeographicCoordinateLongitude/LongitudeDegreeValue`,
    180,
    ctx,
  );
  const fullText = textOf(at, 'Address/AddressFullText')?.value;
  if ((lat === undefined) !== (lon === undefined)) {
    fail(ctx, at, 'give both latitude and longitude, or neither');
  } else if (lat !== undefined && lon !== undefined) {
    body['location'] = fullText ? { lat, lon, address: fullText.slice(0, 500) } : { lat, lon };
  }
  return readLocationObservation(at, lat, lon, ctx);
}
