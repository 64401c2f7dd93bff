import { describeRoleConnector } from './role-suite';

describeRoleConnector('helpscout', { kind: 'conversation', ccSupported: true });
