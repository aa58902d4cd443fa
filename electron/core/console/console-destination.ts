import { isConsoleHostOf, type Partition } from '../../../shared/partitions';
import { AppError } from '../app/app-error';
import { consolePartition } from './console-partition';

/** Where in the console to land: the region's home, one service's home, or a console URL given as is. */
export interface DestinationInput {
  region: string;
  /** A console service path such as `ec2` or `cloudformation`. */
  service?: string;
  /** A console URL the user copied; only https URLs on the region's partition's console hosts pass. */
  url?: string;
}

/**
 * The console URL a sign-in lands on (the federation `Destination`, or the portal link's
 * `destination`). Always the regional console host, `https://<region>.console.<domain>/…`, which
 * exists in all three partitions; the console would redirect to it anyway. A user's URL is checked
 * because the federation endpoint sends the signed-in browser there: only the partition's console
 * hosts are allowed, so a pasted link cannot carry a fresh console session to someone else's site.
 */
export function consoleDestination(input: DestinationInput): string {
  const partition = consolePartition(input.region);
  if (input.service !== undefined && input.url !== undefined)
    throw new AppError('InvalidInput', 'Give either a console service or a console URL, not both.');
  if (input.url !== undefined) return checkedConsoleUrl(input.url, partition, input.region);
  const origin = `https://${input.region}.${partition.consoleHost}`;
  const query = `region=${encodeURIComponent(input.region)}`;
  if (input.service === undefined) return `${origin}/console/home?${query}`;
  // Only a plain path segment: anything else could walk out of `/<service>/home` or add a query.
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(input.service))
    throw new AppError(
      'InvalidInput',
      `"${input.service}" is not a console service name: use lower-case letters, digits and dashes, for example ec2.`,
    );
  return `${origin}/${input.service}/home?${query}`;
}

/** The URL as the WHATWG parser normalises it, so what was checked is exactly what is used. */
function checkedConsoleUrl(raw: string, partition: Partition, region: string): string {
  const hint = `give an https address on ${partition.consoleHost}, for example https://${region}.${partition.consoleHost}/console/home?region=${region}`;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('InvalidInput', `The console URL is not a URL; ${hint}.`);
  }
  if (url.protocol !== 'https:')
    throw new AppError('InvalidInput', `The console URL must use https; ${hint}.`);
  // Checked before the host so a user name or password is never repeated back in a message.
  if (url.username !== '' || url.password !== '')
    throw new AppError('InvalidInput', `The console URL must not contain a user name or password; ${hint}.`);
  if (url.port !== '') throw new AppError('InvalidInput', `The console URL must not name a port; ${hint}.`);
  if (!isConsoleHostOf(partition, url.hostname))
    throw new AppError(
      'InvalidInput',
      `"${url.hostname}" is not an AWS console host of the ${partition.id} partition (region ${region}); ${hint}.`,
    );
  return url.href;
}
