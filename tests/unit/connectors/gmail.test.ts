import { describeRoleConnector } from './role-suite';

describeRoleConnector('gmail', { kind: 'message', ccSupported: true });
