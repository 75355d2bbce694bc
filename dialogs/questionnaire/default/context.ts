/** The context section: what the activity is, with whom, where and for which department. */
import type { SectionInput } from './helpers.js';

/** Values of the "what does the activity involve" question; later questions are gated on them. */
export const SCOPE_OPTIONS = [
  { value: 'sharing_data', label: 'Sharing research data' },
  { value: 'personal_data', label: 'Personal data about people' },
  { value: 'samples', label: 'Biological samples or materials' },
  { value: 'animal_experiments', label: 'Animal experiments' },
  { value: 'human_research', label: 'Research involving people' },
  { value: 'lab_access', label: 'Partner staff using our labs or IT systems' },
  { value: 'technology_transfer', label: 'Transfer of technology, software or know-how' },
  { value: 'funding_from_partner', label: 'Funding from the partner' },
  { value: 'travel', label: 'Travel by staff or students' },
  { value: 'none', label: 'None of these' },
];

export const CONTEXT_SECTION: SectionInput = {
  id: 'context',
  area: 'context',
  title: 'About the activity',
  intro:
    'A few facts about the activity and the partner. They decide which questions follow and who receives the outcome.',
  questions: [
    {
      id: 'title',
      kind: 'text',
      label: 'Short name for the activity',
      help: 'Something you and your head of department will recognise, e.g. "Malaria cohort with University X".',
      maxLength: 120,
    },
    {
      id: 'partner_name',
      kind: 'text',
      label: 'Partner organisation',
      help: 'The university, company, agency or funder you will work with. Name the main one if there are several.',
      maxLength: 200,
    },
    {
      id: 'partner_country',
      kind: 'country',
      label: "Partner's country",
      help: 'The country where the partner is based. If the activity takes place elsewhere, mention it in the later questions.',
    },
    {
      id: 'collaboration_type',
      kind: 'choice',
      label: 'What kind of activity is it?',
      help: 'This decides who is responsible for the assessment and who decides.',
      options: [
        { value: 'research', label: 'Research collaboration' },
        { value: 'doctoral', label: 'Doctoral education' },
        { value: 'programme', label: 'Education: study programme' },
        { value: 'course', label: 'Education: single course' },
        { value: 'mobility', label: 'Staff or student mobility' },
        { value: 'visiting', label: 'Hosting a visiting researcher or recruiting from abroad' },
        { value: 'conference', label: 'Conference or other travel' },
        { value: 'other', label: 'Something else' },
      ],
    },
    {
      id: 'formality',
      kind: 'choice',
      label: 'Is it an individual or a formalised collaboration?',
      help: 'Formalised means an agreement between the organisations, not only between researchers.',
      options: [
        { value: 'individual', label: 'Individual (between researchers or teachers)' },
        { value: 'formalised', label: 'Formalised (agreement between organisations)' },
      ],
    },
    {
      id: 'stage',
      kind: 'choice',
      label: 'Where is the activity now?',
      help: 'Assess before you start, again while it runs, and when it ends.',
      options: [
        { value: 'planned', label: 'Planned, not started' },
        { value: 'ongoing', label: 'Ongoing' },
        { value: 'ending', label: 'Ending or being renewed' },
      ],
    },
    {
      id: 'department',
      kind: 'department',
      label: 'Your department',
      help: 'The outcome goes to the decision makers of this department.',
    },
    {
      id: 'end_date',
      kind: 'date',
      label: 'Planned end date',
      help: 'Leave empty if there is no end date yet. It is used to remind you to reassess.',
      required: false,
    },
    {
      id: 'scope',
      kind: 'multiChoice',
      label: 'What does the activity involve?',
      help: 'Tick everything that applies. Your choices decide which of the later questions you are asked.',
      options: SCOPE_OPTIONS,
    },
  ],
};
