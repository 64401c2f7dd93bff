import { describeRoleConnector } from './role-suite';

describeRoleConnector('freshdesk', { kind: 'ticket', ccSupported: false });
