import type { Messages } from './messages.zh-CN';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const messages: Strings<Messages> = {
  title: 'Leads & opportunities',
};

export default messages;
