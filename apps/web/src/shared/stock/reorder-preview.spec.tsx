import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { ReorderPreview } from './reorder-preview';

describe('the reorder level preview', () => {
  it('says what a new level does before it is saved', () => {
    render(
      <MantineProvider>
        <ReorderPreview onHand={10} current={2} next={15} />
      </MantineProvider>,
    );
    expect(screen.getByTestId('reorder-preview')).toHaveAttribute('data-after', 'low');
    expect(screen.getByText('In stock')).toBeInTheDocument();
    expect(screen.getByText('Low')).toBeInTheDocument();
    expect(screen.getByText(/in the next digest/)).toBeInTheDocument();
  });

  it('says when nothing changes', () => {
    render(
      <MantineProvider>
        <ReorderPreview onHand={10} current={2} next={3} />
      </MantineProvider>,
    );
    expect(screen.getByText('no change')).toBeInTheDocument();
  });
});
