/** Strings of the leads screens, Simplified Chinese (the source catalog); t('leads.…'). */
const messages = {
  title: '线索与商机',
};

export default messages;
export type Messages = typeof messages;
