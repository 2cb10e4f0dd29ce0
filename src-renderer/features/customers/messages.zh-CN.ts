/** Strings of the customers screens, Simplified Chinese (the source catalog); t('customers.…'). */
const messages = {
  title: '客户档案',
};

export default messages;
export type Messages = typeof messages;
