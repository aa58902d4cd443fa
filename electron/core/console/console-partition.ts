import { partitionOf, type Partition } from '../../../shared/partitions';
import { AppError } from '../app/app-error';

/**
 * The partition of the region a console link is built for. Every host in a console link (sign-in,
 * console, sign-out) comes from it, so a region we cannot place stops the link before anything
 * is sent anywhere.
 */
export function consolePartition(region: string): Partition {
  const partition = partitionOf(region);
  if (!partition)
    throw new AppError(
      'InvalidInput',
      `Cannot open the AWS console in "${region}": it is not an AWS region; use one such as us-east-1.`,
    );
  return partition;
}
