import { describeRoleConnector } from './role-suite';

describeRoleConnector('front', { kind: 'conversation', ccSupported: true });
