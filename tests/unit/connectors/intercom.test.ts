import { describeRoleConnector } from './role-suite';

describeRoleConnector('intercom', { kind: 'conversation', ccSupported: true });
