import { UsageError, type CommandDefinition } from '../command';
import { coreFor } from '../cli-core';
import { resolveRole } from '../role-argument';

/** `sso-tray console ACCOUNT/ROLE`: the AWS console, signed in as that role, in a browser. */
export const consoleCommand: CommandDefinition = {
  name: 'console',
  summary: 'Open the AWS console signed in as a role',
  usage: 'ACCOUNT/ROLE | PROFILE',
  details: [
    'By federation (consoleMode setting; default) the console opens signed in as the role, without',
    'the access portal; --portal opens the portal shortcut link instead. The browser is $BROWSER',
    '(%s for the URL, else it is the last argument) or the system default.',
  ].join('\n'),
  json: false,
  options: {
    region: { type: 'string', value: 'REGION', description: "the console's region (default: the session's)" },
    service: { type: 'string', value: 'SERVICE', description: "that service's console, e.g. ec2" },
    destination: { type: 'string', value: 'URL', description: 'any AWS console URL to land on' },
    portal: { type: 'boolean', description: 'through the access portal shortcut link' },
    'sign-out-first': { type: 'boolean', description: 'sign the browser out of its console session first' },
    print: { type: 'boolean', description: 'print the URL instead of opening it' },
    session: { type: 'string', value: 'NAME', description: 'look only in this session' },
  },
  positionals: { min: 1, max: 1 },
  async run(context, { values, positionals }) {
    if (values.service !== undefined && values.destination !== undefined)
      throw new UsageError('choose one of --service and --destination');
    const core = await coreFor(context);
    const role = await resolveRole(core, positionals[0] ?? '', values.session as string | undefined);
    const url = await core.console.urlFor(role, {
      ...(values.region === undefined ? {} : { region: values.region as string }),
      ...(values.service === undefined ? {} : { service: values.service as string }),
      ...(values.destination === undefined ? {} : { url: values.destination as string }),
      portal: values.portal === true,
      signOutFirst: values['sign-out-first'] === true,
      signal: context.signal,
    });
    if (values.print === true) context.stdout.write(`${url}\n`);
    else {
      await core.opener.open(url);
      context.stderr.write(
        `Opened the console for ${role.roleName} in ${role.accountName} (${role.accountId}).\n`,
      );
    }
    return 0;
  },
};
