/** Proportionality: the benefits the decision maker weighs beside the risks (never against them). */
import type { SectionInput } from './helpers.js';

export const BENEFITS_SECTION: SectionInput = {
  id: 'benefits',
  area: 'benefits',
  title: 'Benefits',
  intro:
    'What the activity brings. The benefits are shown beside the risks; they do not lower the risk level.',
  questions: [
    {
      id: 'benefits',
      kind: 'multiChoice',
      label: 'What are the main benefits of the activity?',
      help: 'Tick all that apply. The decision maker weighs them against the risks.',
      required: false,
      options: [
        { value: 'scientific_quality', label: 'Scientific quality' },
        { value: 'education', label: 'Education' },
        { value: 'health_impact', label: 'Health impact' },
        { value: 'capacity_building', label: 'Capacity building' },
        { value: 'strategic_value', label: 'Strategic value for the organisation' },
        { value: 'other', label: 'Other' },
      ],
    },
    {
      id: 'benefits_description',
      kind: 'longText',
      label: 'Describe the benefits',
      help: 'A few sentences are enough: what would be lost without the activity?',
      required: false,
      maxLength: 1000,
    },
  ],
};
